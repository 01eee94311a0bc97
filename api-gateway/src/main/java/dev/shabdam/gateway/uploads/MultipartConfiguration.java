package dev.shabdam.gateway.uploads;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's multipart limits, derived from the upload limits: a body above the largest
 * limit is refused while Tomcat parses it, before any of it reaches object storage. The exact,
 * per-kind limit is enforced later, while the file streams into storage.
 */
@Configuration(proxyBeanMethods = false)
class MultipartConfiguration {
    /** Room for the other form fields and part headers around the file. */
    private static final long FORM_OVERHEAD = DataSize.ofMegabytes(1).toBytes();
    /** Parts up to this size stay in memory; larger ones are spooled to a temporary file. */
    private static final int IN_MEMORY_BYTES = (int) DataSize.ofKilobytes(256).toBytes();

    @Bean
    MultipartConfigElement multipartConfigElement(UploadProperties uploads) {
        long largest = uploads.largestLimit();
        return new MultipartConfigElement(null, largest, largest + FORM_OVERHEAD, IN_MEMORY_BYTES);
    }
}
