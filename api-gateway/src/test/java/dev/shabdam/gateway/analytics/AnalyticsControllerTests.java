package dev.shabdam.gateway.analytics;

import dev.shabdam.gateway.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP rules of GET /voice/analytics: every range and parameter it refuses, before a figure is asked for.
 * The figures themselves are {@link AnalyticsTest}'s.
 */
class AnalyticsControllerTests extends WebSliceTest {
    private static final String RANGE = "from=2024-03-01&to=2024-03-04";

    @Test
    void badRangesAndParametersAreRefused() {
        assertProblem(analytics("from=2024-03-04&to=2024-03-01", KEY_A), 400, "invalid_range");
        assertProblem(analytics("from=2024-03-01&to=2024-03-01", KEY_A), 400, "invalid_range");
        assertProblem(analytics("from=2024-01-01&to=2025-01-01T00:00:01Z", KEY_A), 400, "invalid_range");
        assertProblem(analytics("from=2000-01-01", KEY_A), 400, "invalid_range");
        assertProblem(analytics(RANGE + "&groupBy=week", KEY_A), 400, "invalid_parameter");
        assertProblem(analytics("from=yesterday", KEY_A), 400, "invalid_parameter");
        assertProblem(analytics("to=2024-13-01", KEY_A), 400, "invalid_parameter");
        assertProblem(analytics(RANGE, null), 401, "missing_api_key");
        verifyNoInteractions(analytics);
    }

    private MvcTestResult analytics(String query, String key) {
        return get("/voice/analytics?" + query, key);
    }
}
