package se.samverka.reporting.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;

/** The catalogue read back with Apache Jena, and validated against the SHACL shapes of DCAT-AP-SE's requirements. */
public final class Rdf {

    private static final Shapes SHAPES = Shapes.parse(read(
            Rdf.class.getClassLoader().getResourceAsStream("opendata/dcat-ap-se-shapes.ttl"), Lang.TURTLE).getGraph());

    private Rdf() {
    }

    /** The graph a document holds, parsed strictly as its syntax. */
    public static Model parse(byte[] document, Lang syntax) {
        return read(new ByteArrayInputStream(document), syntax);
    }

    /** What the shapes find wrong with the catalogue, one line per finding; empty where it conforms. */
    public static List<String> violations(Model catalogue) {
        ValidationReport report = ShaclValidator.get().validate(SHAPES, catalogue.getGraph());
        return report.getEntries().stream()
                .map(entry -> entry.focusNode() + " " + entry.resultPath() + ": " + entry.message()).toList();
    }

    private static Model read(InputStream in, Lang syntax) {
        try (in) {
            Model model = ModelFactory.createDefaultModel();
            RDFDataMgr.read(model, in, syntax);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
