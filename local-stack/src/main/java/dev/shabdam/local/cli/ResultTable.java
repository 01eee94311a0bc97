package dev.shabdam.local.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** A job's result as an aligned two-column table for people; nested objects become dotted names. */
final class ResultTable {
    private ResultTable() {}

    static String render(JsonNode job) {
        StringBuilder table = new StringBuilder();
        row(table, "job", job.path("jobId").asText());
        row(table, "status", job.path("status").asText());
        if (job.hasNonNull("error") && !job.get("error").isEmpty()) {
            row(
                    table,
                    "error",
                    job.get("error").path("code").asText() + ": "
                            + job.get("error").path("detail").asText());
        }
        flatten(table, "", job.path("result"));
        return table.toString();
    }

    private static void flatten(StringBuilder table, String prefix, JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(table, prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(table, prefix + "[" + i + "]", node.get(i));
            }
        } else if (!node.isMissingNode()) {
            row(table, prefix, node.asText());
        }
    }

    private static void row(StringBuilder table, String name, String value) {
        table.append(String.format("%-32s %s%n", name, value));
    }
}
