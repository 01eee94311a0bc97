package dev.shabdam.gateway.problems;

/** A download asked for bytes outside the object; the answer names its size so the client can ask again. */
public class RangeNotSatisfiableException extends GatewayException {
    private final long size;

    public RangeNotSatisfiableException(long size) {
        super(
                "range_not_satisfiable",
                "The output has " + size + " bytes; the requested range lies outside them.",
                null);
        this.size = size;
    }

    public long size() {
        return size;
    }
}
