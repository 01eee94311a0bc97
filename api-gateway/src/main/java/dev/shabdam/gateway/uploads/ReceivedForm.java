package dev.shabdam.gateway.uploads;

import java.util.Map;

/**
 * A form upload once stored.
 *
 * @param media     media part name → what was stored
 * @param subtitles subtitle part name → storage key, for the parts that were sent
 * @param fields    the form's other fields and the query's parameters (the query's win, as a servlet reads them)
 */
public record ReceivedForm(
        Map<String, UploadedMedia> media, Map<String, String> subtitles, Map<String, String> fields) {

    public UploadedMedia media(String part) {
        return media.get(part);
    }
}
