package se.samverka.platform.web;

import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Puts every text of a request body through {@link TextCheck}: string values wherever they stand (fields, lists,
 * untyped values), map keys, and every text and property name of a body read as a JSON tree. One place, so that no
 * field of any service can forget it.
 */
final class CheckedTextModule extends SimpleModule {

    CheckedTextModule() {
        super(CheckedTextModule.class.getSimpleName());
        addDeserializer(String.class, new CheckedStrings());
        addKeyDeserializer(String.class, new CheckedKeys());
        addDeserializer(JsonNode.class, new CheckedTrees());
    }

    static String checked(String text, JsonParser parser) {
        if (text != null) {
            TextCheck.problem(text).ifPresent(reason -> {
                throw new RefusedTextException(parser, reason);
            });
        }
        return text;
    }

    /** Jackson's own deserializer for strings, checked; not marked as Jackson's, so collections use it too. */
    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return checked(super.deserialize(parser, context), parser);
        }
    }

    private static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return checked(key, context.getParser());
        }
    }

    /** Jackson's own deserializer for trees, with every text and property name of the tree checked. */
    private static final class CheckedTrees extends StdDeserializer<JsonNode> {

        @SuppressWarnings("unchecked")
        private static final ValueDeserializer<JsonNode> TREES =
                (ValueDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

        CheckedTrees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode tree = TREES.deserialize(parser, context);
            check(tree, parser);
            return tree;
        }

        /** A JSON null stays a null node, as without this module. */
        @Override
        public Object getNullValue(DeserializationContext context) {
            return TREES.getNullValue(context);
        }

        /** Walks the tree; a refusal found inside names its path from here, as Jackson does for bound fields. */
        private static void check(JsonNode node, JsonParser parser) {
            if (node.isString()) {
                checked(node.asString(), parser);
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    // A refused name is named by the object that holds it, as a map's refused key is.
                    checked(property.getKey(), parser);
                    try {
                        check(property.getValue(), parser);
                    } catch (RefusedTextException refused) {
                        refused.prependPath(node, property.getKey());
                        throw refused;
                    }
                }
            } else if (node.isArray()) {
                for (int index = 0; index < node.size(); index++) {
                    try {
                        check(node.get(index), parser);
                    } catch (RefusedTextException refused) {
                        refused.prependPath(node, index);
                        throw refused;
                    }
                }
            }
        }
    }
}
