package se.samverka.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Each contract: schema, record and fixture agree, and a record can only be built when the schema would accept it. */
class EventContractsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Stream<EventContract<?>> contracts() {
        return EventCatalog.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theSchemaIdIsTheDataSchemaAttribute(EventContract<?> contract) {
        JsonNode schema = EventSchemas.schemaDocument(contract);

        assertThat(schema.path("$id").asString()).isEqualTo(contract.dataSchema());
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theFixtureIsValidAndSurvivesTheRecordUnchanged(EventContract<?> contract) {
        String fixture = fixture(contract);
        assertThat(EventSchemas.violations(contract, fixture)).isEmpty();

        Object data = EventCodec.fromJson(fixture, contract.dataClass());
        String written = EventCodec.toJson(data);

        assertThat(EventSchemas.violations(contract, written)).isEmpty();
        assertThat(MAPPER.readTree(written)).isEqualTo(MAPPER.readTree(fixture));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theRecordHasExactlyTheSchemasProperties(EventContract<?> contract) {
        Set<String> schemaProperties = new HashSet<>(EventSchemas.schemaDocument(contract).path("properties").propertyNames());
        Set<String> recordComponents = new HashSet<>(
                Arrays.stream(contract.dataClass().getRecordComponents()).map(c -> c.getName()).toList());

        assertThat(recordComponents).isEqualTo(schemaProperties);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyRequiredFieldIsRequiredByTheRecordToo(EventContract<?> contract) {
        for (JsonNode required : EventSchemas.schemaDocument(contract).path("required")) {
            ObjectNode withoutField = (ObjectNode) MAPPER.readTree(fixture(contract));
            withoutField.remove(required.asString());
            String json = withoutField.toString();

            assertThat(EventSchemas.violations(contract, json)).as("schema without %s", required).isNotEmpty();
            assertThatThrownBy(() -> EventCodec.fromJson(json, contract.dataClass()))
                    .as("record without %s", required)
                    .isInstanceOf(PoisonEventException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void consumersIgnoreFieldsTheyDoNotKnow(EventContract<?> contract) {
        ObjectNode withExtra = (ObjectNode) MAPPER.readTree(fixture(contract));
        withExtra.put("addedInALaterVersion", "ignored");

        Object data = EventCodec.fromJson(withExtra.toString(), contract.dataClass());

        assertThat(data).isEqualTo(EventCodec.fromJson(fixture(contract), contract.dataClass()));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyContractHasItsOwnTypeAndATopicOfThePlatform(EventContract<?> contract) {
        assertThat(EventCatalog.forType(contract.type())).contains(contract);
        assertThat(Topics.ALL).contains(contract.topic());
        assertThat(contract.type()).matches("se\\.samverka\\.[a-z]+\\.[a-zA-Z]+(\\.v[0-9]+)?");
    }

    static String fixture(EventContract<?> contract) {
        String resource = "events/fixtures/" + contract.type() + ".json";
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("fixture %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
