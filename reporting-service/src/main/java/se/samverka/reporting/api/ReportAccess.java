package se.samverka.reporting.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.tokens.Role;

/**
 * Who reads the reports: they count internal projects and partnerships alongside shared ones, so they are the
 * municipality's own (ADMIN and STAFF); rebuilding them is the coordinator's. Partners read what is shared through
 * the projects and partnerships themselves.
 */
@Configuration
class ReportAccess implements WebMvcConfigurer {

    private final Callers callers;

    ReportAccess(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getRequestURI().startsWith("/api/reports/rebuilds")) {
                    callers.require(caller -> caller.is(Role.ADMIN), "access.rebuild");
                } else {
                    callers.require(Caller::isMunicipality, "access.reports");
                }
                return true;
            }
        }).addPathPatterns("/api/reports/**");
    }
}
