package dev.shabdam.gateway.jobs;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets controllers take a typed {@code @RequestParam WaitTime wait}; a value it refuses answers {@code invalid_wait}. */
@Component
class WaitTimeConverter implements Converter<String, WaitTime> {

    @Override
    public WaitTime convert(String seconds) {
        return WaitTime.parse(seconds);
    }
}
