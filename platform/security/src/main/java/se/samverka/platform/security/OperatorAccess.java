package se.samverka.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.samverka.platform.tokens.Role;

/**
 * Operating a service ({@code /api/operations/**}: rebuilds, dead letters) is the coordinator's, in every service
 * alike: 401 without a token, 403 for any other role, before the endpoint is reached.
 */
class OperatorAccess implements WebMvcConfigurer {

    static final String PATHS = "/api/operations/**";

    private final Callers callers;

    OperatorAccess(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                callers.require(caller -> caller.is(Role.ADMIN), "access.operations");
                return true;
            }
        }).addPathPatterns(PATHS);
    }
}
