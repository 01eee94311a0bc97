package dev.shabdam.gateway.analytics;

import dev.shabdam.gateway.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
class AnalyticsController {
    private final Analytics analytics;
    private final Clock clock = Clock.systemUTC();

    AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @Operation(
            summary = "Job counts, failure rates, media minutes, stage timings and analysis figures of the caller's "
                    + "jobs, per day or job type")
    @GetMapping("/voice/analytics")
    AnalyticsReport analytics(
            Tenant tenant,
            @Parameter(description = "ISO date (midnight UTC) or instant; default: 30 days before to")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "ISO date (midnight UTC) or instant, exclusive; default: now")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "day (default) or type") @RequestParam(required = false) String groupBy) {
        return analytics.report(tenant, AnalyticsQuery.parse(from, to, groupBy, clock.instant()));
    }
}
