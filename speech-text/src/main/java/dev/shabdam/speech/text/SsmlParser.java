package dev.shabdam.speech.text;

import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.prosody.ProsodyChange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parser for the SSML subset Shabdam speaks: {@code <speak>}, {@code <break time>},
 * {@code <prosody rate pitch volume>}, {@code <say-as interpret-as>}. Anything else (another
 * element or attribute, a bad value, malformed XML, a DOCTYPE) is {@code invalid_ssml}: a
 * silently ignored tag would be read aloud or change nothing without telling the user.
 *
 * <p>SSML is interpreted here, not by espeak-ng, so both engines behave the same and pitch
 * stays in exact semitones.
 */
public final class SsmlParser {

    private static final Set<String> SAY_AS = Set.of("characters", "telephone", "date", "cardinal");
    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)");
    private static final Pattern SEMITONES = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)st");
    private static final Pattern PERCENT = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)%");
    private static final Pattern DECIBELS = Pattern.compile("([+-]\\d+(?:\\.\\d+)?)dB");
    private static final Map<String, Double> RATES =
            Map.of("x-slow", 0.5, "slow", 0.75, "medium", 1.0, "fast", 1.25, "x-fast", 1.75);
    private static final Map<String, Double> PITCHES =
            Map.of("x-low", -4.0, "low", -2.0, "medium", 0.0, "high", 2.0, "x-high", 4.0);
    private static final Map<String, Double> VOLUMES =
            Map.of("silent", 0.0, "x-soft", 0.35, "soft", 0.6, "medium", 1.0, "loud", 1.4, "x-loud", 2.0);
    private static final int MAX_BREAK_MS = 10_000;
    /** Deeper than any hand-written prosody needs; the nested changes multiply, so a deep pile is an attack. */
    static final int MAX_DEPTH = 16;

    private SsmlParser() {}

    /**
     * Whether the request text is SSML rather than plain text: it starts with {@code <speak}, or with an
     * XML declaration or a DOCTYPE, which only markup starts with (and which, read as plain text, would be
     * spoken aloud; parsed, a DOCTYPE is refused).
     */
    public static boolean isSsml(String text) {
        String start = text.stripLeading();
        return start.startsWith("<speak") || start.startsWith("<?xml") || start.startsWith("<!DOCTYPE");
    }

    public static List<SsmlPart> parse(String ssml) {
        Element root = parseXml(ssml).getDocumentElement();
        if (!root.getTagName().equals("speak")) {
            throw invalid("the root element must be <speak>, not <" + root.getTagName() + ">");
        }
        requireAttributes(root, Set.of("version", "xmlns", "xml:lang"));
        List<SsmlPart> parts = new ArrayList<>();
        walkChildren(root, ProsodyChange.NONE, parts, 1);
        return parts;
    }

    private static void walkChildren(Element parent, ProsodyChange change, List<SsmlPart> parts, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("elements are nested deeper than " + MAX_DEPTH);
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (!child.getNodeValue().isBlank()) {
                        parts.add(new SsmlPart.Speech(child.getNodeValue(), null, change));
                    }
                }
                case Node.ELEMENT_NODE -> element((Element) child, change, parts, depth + 1);
                case Node.COMMENT_NODE -> {}
                default -> throw invalid("unexpected content in <" + parent.getTagName() + ">");
            }
        }
    }

    private static void element(Element e, ProsodyChange change, List<SsmlPart> parts, int depth) {
        switch (e.getTagName()) {
            case "break" -> {
                requireAttributes(e, Set.of("time"));
                if (e.hasChildNodes()) {
                    throw invalid("<break> must be empty");
                }
                parts.add(new SsmlPart.Pause(breakMillis(e.getAttribute("time"))));
            }
            case "prosody" -> {
                requireAttributes(e, Set.of("rate", "pitch", "volume"));
                ProsodyChange own = new ProsodyChange(
                        rate(e.getAttribute("rate")), pitch(e.getAttribute("pitch")), volume(e.getAttribute("volume")));
                walkChildren(e, own.within(change), parts, depth);
            }
            case "say-as" -> {
                requireAttributes(e, Set.of("interpret-as", "format"));
                String kind = e.getAttribute("interpret-as");
                if (!SAY_AS.contains(kind)) {
                    throw invalid("say-as interpret-as must be one of " + SAY_AS + ", not '" + kind + "'");
                }
                for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeType() == Node.ELEMENT_NODE) {
                        throw invalid("<say-as> may contain only text");
                    }
                }
                parts.add(new SsmlPart.Speech(e.getTextContent(), kind, change));
            }
            default -> throw invalid("unsupported element <" + e.getTagName() + ">");
        }
    }

    private static int breakMillis(String time) {
        Matcher m = TIME.matcher(time.strip());
        if (!m.matches()) {
            throw invalid("break time must look like 500ms or 1.5s, not '" + time + "'");
        }
        double millis = Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
        if (millis > MAX_BREAK_MS) {
            throw invalid("break time is limited to " + MAX_BREAK_MS + " ms");
        }
        return (int) Math.round(millis);
    }

    private static double rate(String value) {
        if (value.isEmpty()) {
            return 1;
        }
        Matcher percent = PERCENT.matcher(value);
        if (percent.matches()) {
            double p = Double.parseDouble(percent.group(1));
            return value.startsWith("+") || value.startsWith("-") ? 1 + p / 100 : p / 100;
        }
        return keyword("rate", value, RATES);
    }

    private static double pitch(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        Matcher st = SEMITONES.matcher(value);
        return st.matches() ? Double.parseDouble(st.group(1)) : keyword("pitch", value, PITCHES);
    }

    private static double volume(String value) {
        if (value.isEmpty()) {
            return 1;
        }
        Matcher db = DECIBELS.matcher(value);
        return db.matches() ? Math.pow(10, Double.parseDouble(db.group(1)) / 20) : keyword("volume", value, VOLUMES);
    }

    private static double keyword(String attribute, String value, Map<String, Double> table) {
        Double known = table.get(value);
        if (known == null) {
            throw invalid("unsupported " + attribute + " value '" + value + "'");
        }
        return known;
    }

    private static void requireAttributes(Element e, Set<String> allowed) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getNodeName();
            if (!allowed.contains(name) && !name.startsWith("xmlns")) {
                throw invalid("<" + e.getTagName() + "> does not take the attribute '" + name + "'");
            }
        }
    }

    private static Document parseXml(String ssml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // No DOCTYPE, no external entities: request text is untrusted.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(ssml)));
        } catch (SAXException e) {
            throw invalid("malformed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("XML parser unavailable", e);
        }
    }

    private static SynthesisException invalid(String detail) {
        return new SynthesisException(SynthesisException.Code.INVALID_SSML, "Invalid SSML: " + detail);
    }
}
