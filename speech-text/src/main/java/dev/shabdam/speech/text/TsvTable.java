package dev.shabdam.speech.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the reviewer-editable data tables: UTF-8, tab-separated, {@code #} starts a comment
 * line, blank lines ignored. Cells are script-normalised so a reviewer who types a legacy
 * chillu still produces the canonical spelling.
 */
public final class TsvTable {

    private TsvTable() {}

    /** Rows of the classpath resource; each row has at least {@code minColumns} cells. */
    public static List<List<String>> read(String resource, int minColumns) {
        InputStream in = TsvTable.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing data table on the classpath: " + resource);
        }
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = Arrays.stream(line.split("\t", -1))
                        .map(ScriptNormalizer::normalize)
                        .toList();
                if (cells.size() < minColumns) {
                    throw new IllegalStateException(
                            resource + ":" + lineNo + " needs " + minColumns + " tab-separated columns");
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return rows;
    }
}
