package dev.shabdam.gateway.uploads;

import dev.shabdam.gateway.problems.InvalidRequestException;
import org.springframework.core.ResolvableType;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;

import java.util.Map;
import java.util.Set;

/**
 * A form upload once stored.
 *
 * @param media     media part name → what was stored
 * @param subtitles subtitle part name → storage key, for the parts that were sent
 * @param fields    the form's other fields, by name (the first of a repeated one)
 */
public record ReceivedForm(
        Map<String, UploadedMedia> media, Map<String, String> subtitles, Map<String, String> fields) {

    public UploadedMedia media(String part) {
        return media.get(part);
    }

    /**
     * The form's fields bound to the record {@code type} by name, as Spring binds a query to it: the fields arrive
     * inside the multipart body, which only {@link FormUploads} reads.
     */
    public <T> T fields(Class<T> type) {
        DataBinder binder = new DataBinder(null);
        binder.setTargetType(ResolvableType.forClass(type));
        binder.construct(new DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> parameterType) {
                return fields.get(name);
            }

            @Override
            public Set<String> getNames() {
                return fields.keySet();
            }
        });
        FieldError error = binder.getBindingResult().getFieldError();
        if (error != null) {
            throw new InvalidRequestException(
                    "invalid_parameter",
                    "The form field '" + error.getField() + "' has the wrong type: " + error.getRejectedValue());
        }
        return type.cast(binder.getTarget());
    }
}
