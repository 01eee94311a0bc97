package dev.shabdam.gateway.security;

import dev.shabdam.gateway.problems.NotAuthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves {@code X-Api-Key} to a tenant before any handler runs. Upload bodies are read by the handlers
 * (after this), so an unauthenticated upload is refused before any of it is read.
 */
class ApiKeyInterceptor implements HandlerInterceptor {
    static final String HEADER = "X-Api-Key";
    static final String TENANT_ATTRIBUTE = Tenant.class.getName();

    private final ApiKeys apiKeys;

    ApiKeyInterceptor(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            throw new NotAuthenticatedException("missing_api_key", "Send your API key in the X-Api-Key header.");
        }
        Tenant tenant = apiKeys.tenantOf(key.trim())
                .orElseThrow(
                        () -> new NotAuthenticatedException("invalid_api_key", "The X-Api-Key is not a known key."));
        request.setAttribute(TENANT_ATTRIBUTE, tenant);
        return true;
    }
}
