package se.samverka.platform.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list.
 *
 * @param page       zero-based
 * @param totalItems how many match, over all pages
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** A page of {@code size} read by the caller, with how many there are over all pages. */
    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageResponse<>(List.copyOf(items), page, size, totalItems,
                (int) Math.min(Integer.MAX_VALUE, (totalItems + size - 1) / size));
    }

    /** Every item in one page. */
    public static <T> PageResponse<T> whole(List<T> items) {
        return of(items, 0, Math.max(1, items.size()), items.size());
    }

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> view) {
        return new PageResponse<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
