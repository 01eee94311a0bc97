package dev.shabdam.pipeline.models;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tiny ONNX models by hand-encoding the few protobuf messages needed (ModelProto,
 * GraphProto, NodeProto, AttributeProto, ValueInfoProto, TensorProto), field numbers from
 * onnx.proto. No protobuf library is on the classpath, and none is needed for this.
 */
public final class OnnxGraphBuilder {

    public static final int FLOAT = 1;
    public static final int INT64 = 7;
    public static final int BOOL = 9;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();

    /** A graph input or output; a dim is a Long (fixed) or a String (symbolic). */
    public OnnxGraphBuilder input(String name, int elemType, Object... dims) {
        inputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    public OnnxGraphBuilder output(String name, int elemType, Object... dims) {
        outputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    /**
     * A node; {@code attributes} are alternating name, value pairs, a value being a Long (INT) or a
     * long[] (INTS, e.g. Transpose's perm).
     */
    public OnnxGraphBuilder node(String opType, List<String> in, List<String> out, Object... attributes) {
        Proto node = new Proto();
        in.forEach(i -> node.string(1, i));
        out.forEach(o -> node.string(2, o));
        node.string(3, opType + "_" + nodes.size()).string(4, opType);
        for (int i = 0; i < attributes.length; i += 2) {
            Proto attribute = new Proto().string(1, (String) attributes[i]);
            if (attributes[i + 1] instanceof long[] values) {
                for (long v : values) {
                    attribute.varint(8, v);
                }
                attribute.varint(20, 7); // INTS
            } else {
                attribute.varint(3, (Long) attributes[i + 1]).varint(20, 2); // INT
            }
            node.message(5, attribute);
        }
        nodes.add(node.bytes());
        return this;
    }

    public OnnxGraphBuilder int64Constant(String name, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        initializers.add(new Proto()
                .varint(1, values.length)
                .varint(2, INT64)
                .string(8, name)
                .bytes(9, raw.array())
                .bytes());
        return this;
    }

    /** A rank-0 int64 constant, as Range's bounds and a Gather index that drops its axis need. */
    public OnnxGraphBuilder int64Scalar(String name, long value) {
        byte[] raw = ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(value)
                .array();
        initializers.add(
                new Proto().varint(2, INT64).string(8, name).bytes(9, raw).bytes());
        return this;
    }

    public OnnxGraphBuilder floatConstant(String name, float value) {
        byte[] raw = ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(value)
                .array();
        initializers.add(
                new Proto().varint(2, FLOAT).string(8, name).bytes(9, raw).bytes()); // scalar: no dims
        return this;
    }

    /** A float tensor constant of shape {@code dims}, {@code values} in row-major order. */
    public OnnxGraphBuilder floatTensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        Proto tensor = new Proto();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        initializers.add(
                tensor.varint(2, FLOAT).string(8, name).bytes(9, raw.array()).bytes());
        return this;
    }

    public byte[] build() {
        Proto graph = new Proto();
        nodes.forEach(n -> graph.bytes(1, n));
        graph.string(2, "test_graph");
        initializers.forEach(t -> graph.bytes(5, t));
        inputs.forEach(v -> graph.bytes(11, v));
        outputs.forEach(v -> graph.bytes(12, v));
        return new Proto()
                .varint(1, 8) // ir_version
                .string(2, "shabdam-test") // producer_name
                .message(7, graph) // graph
                .message(8, new Proto().string(1, "").varint(2, 13)) // opset_import: ai.onnx 13
                .bytes();
    }

    private static byte[] valueInfo(String name, int elemType, Object... dims) {
        Proto shape = new Proto();
        for (Object dim : dims) {
            shape.message(
                    1, dim instanceof Long fixed ? new Proto().varint(1, fixed) : new Proto().string(2, (String) dim));
        }
        Proto tensorType = new Proto().varint(1, elemType).message(2, shape);
        return new Proto()
                .string(1, name)
                .message(2, new Proto().message(1, tensorType))
                .bytes();
    }

    /** Protobuf wire format: varints (type 0) and length-delimited fields (type 2). */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Proto bytes(int field, byte[] value) {
            raw((long) field << 3 | 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void raw(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
