package se.samverka.reporting.annual.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * What a screen reader finds in a PDF, read back with PDFBox: the catalogue's accessibility entries and the structure
 * tree's elements in reading order; and what veraPDF finds wrong with it against PDF/UA-1.
 *
 * @param marked         MarkInfo Marked: the content is tagged
 * @param language       the catalogue's Lang
 * @param showsTitle     ViewerPreferences DisplayDocTitle: the title bar shows the title, not the file name
 * @param tags           every structure element, depth first
 */
record TaggedPdf(String title, boolean marked, String language, boolean showsTitle, List<Tag> tags) {

    /**
     * @param scope a table header cell's Scope (Column or Row); null for other elements
     * @param alt   the alternative text; null where there is none
     */
    record Tag(String type, String scope, String alt) {
    }

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static TaggedPdf read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDStructureTreeRoot root = catalog.getStructureTreeRoot();
            List<Tag> tags = new ArrayList<>();
            if (root != null) {
                collect(root, tags);
            }
            return new TaggedPdf(document.getDocumentInformation().getTitle(),
                    catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), catalog.getLanguage(),
                    catalog.getViewerPreferences() != null && catalog.getViewerPreferences().displayDocTitle(),
                    tags);
        }
    }

    private static void collect(PDStructureNode node, List<Tag> tags) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.add(new Tag(element.getStructureType(), scope(element), element.getAlternateDescription()));
                collect(element, tags);
            }
        }
    }

    private static String scope(PDStructureElement element) {
        COSBase attributes = element.getCOSObject().getDictionaryObject(COSName.A);
        return attributes instanceof COSDictionary dictionary ? dictionary.getNameAsString("Scope") : null;
    }

    List<Tag> tagged(String type) {
        return tags.stream().filter(tag -> tag.type().equals(type)).toList();
    }

    /** The rules of PDF/UA-1 that the document breaks, as veraPDF's messages; none for a conforming document. */
    static List<String> pdfUaFailures(byte[] pdf) throws Exception {
        try (VeraPDFFoundry foundry = Foundries.defaultInstance();
             PDFAValidator validator = foundry.createValidator(PDFAFlavour.PDFUA_1, false);
             PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + ": " + assertion.getMessage())
                    .distinct().toList();
            return result.isCompliant() || !failures.isEmpty() ? failures : List.of("not compliant");
        }
    }
}
