package se.samverka.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Which page of a list, in which order: {@code page} (from 0), {@code size} (1 to 200, default 20) and {@code sort},
 * a comma-separated list of fields, each descending with a leading {@code -} (e.g. {@code sort=-updatedAt,name}).
 * A value out of range or a field that cannot be sorted on is a 422 naming the parameter.
 *
 * @param sort in the store's field names
 */
public record Paging(int page, int size, Sort sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /**
     * @param sortable the sort fields a client may name, each mapped to the stored field it orders by
     * @param byDefault the order when the client names none
     */
    public static Paging of(Integer page, Integer size, String sort, Map<String, String> sortable, Sort byDefault) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) {
            problems.add(new FieldProblem("page", "reason.page"));
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            problems.add(new FieldProblem("size", "reason.size", MAX_SIZE));
        }
        Sort order = byDefault;
        if (sort != null && !sort.isBlank()) {
            List<Sort.Order> orders = new ArrayList<>();
            for (String part : sort.split(",")) {
                String name = part.trim();
                boolean descending = name.startsWith("-");
                String field = descending ? name.substring(1) : name;
                String stored = sortable.get(field);
                if (stored == null) {
                    problems.add(new FieldProblem("sort", "reason.sort", field,
                            String.join(", ", sortable.keySet().stream().sorted().toList())));
                } else {
                    orders.add(descending ? Sort.Order.desc(stored) : Sort.Order.asc(stored));
                }
            }
            // The default order breaks ties, unless the client sorts by the same fields already.
            List<String> named = orders.stream().map(Sort.Order::getProperty).toList();
            order = Sort.by(orders).and(Sort.by(byDefault.stream().filter(o -> !named.contains(o.getProperty())).toList()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Paging(pageNumber, pageSize, order);
    }

    public Pageable pageable() {
        return PageRequest.of(page, size, sort);
    }
}
