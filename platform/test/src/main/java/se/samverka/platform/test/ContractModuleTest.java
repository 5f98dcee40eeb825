package se.samverka.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samverka.platform.events.SchemaCompatibility.breakingChanges;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventContracts;
import se.samverka.platform.events.EventSchemas;
import se.samverka.platform.events.PoisonEventException;
import se.samverka.platform.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a module that publishes event contracts proves of them in its own build, so that a change that breaks one
 * fails there. A contract module's test extends this with the contracts it contributes, and keeps beside them in its
 * test resources a fixture ({@code events/fixtures}) and the schema as published ({@code events/baseline}) of each.
 * <ul>
 * <li>Schema, record and fixture agree, and a record can only be built when the schema would accept it.</li>
 * <li>A published schema only grew ({@link se.samverka.platform.events.SchemaCompatibility}): a break needs a new
 * type with a {@code .v2} suffix. A schema is copied to the baselines when it is first published.</li>
 * <li>docs/asyncapi.yaml lists on each of the module's topics exactly the types it publishes there, with their
 * schemas; that it lists no other topic is checked where every contract module is on the class path.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractModuleTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Contract modules sit at the top of the reactor, beside docs/. */
    private static final AsyncApiDocument DOCUMENT = new AsyncApiDocument(Path.of("../docs/asyncapi.yaml"));
    private static final Path SCHEMAS = Path.of("src/main/resources");
    private static final Path BASELINES = Path.of("src/test/resources/events/baseline");

    private final List<EventContract<?>> contracts;

    protected ContractModuleTest(EventContracts module) {
        this.contracts = module.contracts();
    }

    protected Stream<EventContract<?>> contracts() {
        return contracts.stream();
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

        assertThat(properties(contract.dataClass())).isEqualTo(schemaProperties);
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
        assertThat(EventCatalog.forType(contract.type())).as("registered in META-INF/services").contains(contract);
        assertThat(Topics.ALL).contains(contract.topic());
        assertThat(contract.type()).matches("se\\.samverka\\.[a-z]+\\.[a-zA-Z]+(\\.v[0-9]+)?");
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void thePublishedSchemaOnlyGrew(EventContract<?> contract) {
        JsonNode baseline = baseline(contract.type());
        assertThat(baseline).as("baseline of %s: copy the schema to events/baseline when it is first published",
                contract.type()).isNotNull();

        assertThat(breakingChanges(baseline, EventSchemas.schemaDocument(contract))).isEmpty();
    }

    @Test
    void noPublishedTypeDisappeared() throws IOException {
        for (EventContract<?> contract : contracts) {
            assertThat(baseline(contract.type())).isNotNull();
        }
        try (Stream<Path> files = Files.list(BASELINES)) {
            assertThat(contracts().map(EventContract::type))
                    .containsAll(files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", "")).toList());
        }
    }

    @Test
    void listsOnEachOfItsTopicsExactlyTheEventTypesPublishedThere() {
        Map<String, Set<String>> published = AsyncApiDocument.typesByTopic(contracts);
        Map<String, Set<String>> documented = DOCUMENT.typesByTopic().entrySet().stream()
                .filter(channel -> published.containsKey(channel.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(documented).isEqualTo(published);
    }

    @Test
    void everyMessagePointsAtTheSchemaOfItsContract() {
        for (EventContract<?> contract : contracts) {
            Path payload = DOCUMENT.payload(contract.type());

            assertThat(payload.toAbsolutePath().normalize()).as("payload of %s", contract.type())
                    .isEqualTo(SCHEMAS.resolve(contract.schemaResource()).toAbsolutePath().normalize());
            assertThat(Files.exists(payload)).isTrue();
            assertThat(DOCUMENT.headers(contract.type())).isEqualTo("#/components/schemas/cloudEventsHeaders");
        }
    }

    /** The JSON properties a record writes: its components', an unwrapped component's own in its place. */
    private static Set<String> properties(Class<?> record) {
        Set<String> names = new HashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                names.addAll(properties(component.getType()));
            } else {
                names.add(component.getName());
            }
        }
        return names;
    }

    private static String fixture(EventContract<?> contract) {
        String resource = "events/fixtures/" + contract.type() + ".json";
        try (InputStream in = ContractModuleTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("fixture %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode baseline(String type) {
        try (InputStream in = ContractModuleTest.class.getClassLoader()
                .getResourceAsStream("events/baseline/" + type + ".json")) {
            return in == null ? null : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
