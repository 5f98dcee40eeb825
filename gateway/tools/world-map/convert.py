#!/usr/bin/env python3
"""Converts @svg-maps/world's world.svg into the gateway's compact world map, src/main/resources/map/world.json.

Run once, by hand, when the map is to be renewed; the build never runs it (no network, no npm at build time):

    npm pack @svg-maps/world@2.0.0 && tar xzf svg-maps-world-2.0.0.tgz
    python3 gateway/tools/world-map/convert.py package/world.svg gateway/src/main/resources/map/world.json

The source draws 1,500 outlines with some 95,000 points at a thousandth of a unit, 1.2 MB: too much to inline in
every dashboard. Each outline is simplified (Douglas-Peucker, 0.6 units of the 1010-wide view box, about a pixel as
the dashboard draws it), islands smaller than a unit are dropped where the country keeps a larger outline, and
coordinates are rounded to a tenth: some 100 kB. Ids become upper-case ISO 3166-1 alpha-2 codes, as the reports
write them. A country smaller than three units (Malta, Monaco, most island states) also gets the centre of its
largest outline under "dots", where the dashboard can draw a marker a reader can see; one too small to keep an
outline at all has only that.
"""
import json
import math
import re
import sys

TOLERANCE = 0.6
SMALLEST_ISLAND = 1.0
DOT_BELOW = 3.0
NUMBER = re.compile(r'[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?')


def rings(d):
    """The outlines of a path of relative moves and lines ('m x,y dx,dy ... z'), in absolute points."""
    outlines, x, y = [], 0.0, 0.0
    for command, body in re.findall(r'([mMzZ])([^mMzZ]*)', d):
        if command in 'zZ':
            continue
        numbers = [float(n) for n in NUMBER.findall(body)]
        points = []
        for i in range(0, len(numbers) - 1, 2):
            if command == 'M' and i == 0:
                x, y = numbers[i], numbers[i + 1]
            else:
                x, y = x + numbers[i], y + numbers[i + 1]
            points.append((x, y))
        outlines.append(points)
        # After 'z' the next relative move starts from this outline's first point.
        x, y = points[0]
    return outlines


def simplified(points):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, distance = None, TOLERANCE
        for i in range(first + 1, last):
            px, py = points[i]
            d = (abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length if length
                 else math.hypot(px - ax, py - ay))
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep) if kept]


def extent(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def path(outlines):
    """Relative moves and lines between the rounded absolute points, so that rounding errors never add up."""
    parts, last = [], (0, 0)
    for points in outlines:
        rounded = []
        for x, y in points:
            point = (round(x * 10), round(y * 10))
            if not rounded or rounded[-1] != point:
                rounded.append(point)
        if len(rounded) < 3:
            continue
        words = []
        for i, (x, y) in enumerate(rounded):
            origin = last if i == 0 else rounded[i - 1]
            words.append(tenths(x - origin[0]) + ',' + tenths(y - origin[1]))
        parts.append('m' + ' '.join(words) + 'z')
        last = rounded[0]
    return ''.join(parts)


def tenths(value):
    text = f'{value / 10:.1f}'.rstrip('0').rstrip('.')
    if text.startswith('0.'):
        text = text[1:]
    elif text.startswith('-0.'):
        text = '-' + text[2:]
    return '0' if text in ('', '-0', '-') else text


def centre(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [round((min(xs) + max(xs)) / 2, 1), round((min(ys) + max(ys)) / 2, 1)]


def main(source, target):
    svg = open(source, encoding='utf-8').read()
    view_box = re.search(r'viewBox="([^"]+)"', svg).group(1)
    countries, dots = {}, {}
    for attributes in re.findall(r'<path([^>]*)/>', svg):
        code = re.search(r'\sid="([^"]+)"', attributes).group(1).upper()
        original = rings(re.search(r'\sd="([^"]+)"', attributes).group(1))
        biggest = max(original, key=extent)
        if extent(biggest) < DOT_BELOW:
            dots[code] = centre(biggest)
        outlines = [simplified(points) for points in original]
        largest = max(extent(points) for points in outlines)
        drawn = path([points for points in outlines if extent(points) >= min(SMALLEST_ISLAND, largest)])
        if drawn:
            countries[code] = drawn
    with open(target, 'w', encoding='utf-8') as out:
        json.dump({'viewBox': view_box, 'countries': countries, 'dots': dots}, out, separators=(',', ':'),
                  sort_keys=True)
        out.write('\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
