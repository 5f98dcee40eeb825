package se.samverka.reporting.report;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.samverka.platform.web.InvalidRequestException;

/** Reads a {@link ReportFilter} from the query parameters {@code year}, {@code department}, {@code strategy}, {@code country}. */
@Configuration(proxyBeanMethods = false)
class ReportFilterResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReportFilter.class;
    }

    @Override
    public ReportFilter resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                        NativeWebRequest request, WebDataBinderFactory binders) {
        return new ReportFilter(year(request.getParameter("year")), request.getParameter("department"),
                request.getParameter("strategy"), request.getParameter("country"));
    }

    private static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("year", "reason.year");
        }
    }
}
