package se.samverka.reporting.annual.export;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An HTML document built as a DOM, for the renderer to lay out: every text goes in as a text node, so nothing in a
 * name or a title can become markup.
 */
final class Html {

    private final Document document;
    private final Element head;
    private final Element body;

    /** @param language the document's language, as {@code lang} declares it: sv or en */
    Html(String language) {
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML document builder", e);
        }
        Element html = document.createElement("html");
        html.setAttribute("lang", language);
        document.appendChild(html);
        head = add(html, "head");
        body = add(html, "body");
    }

    Document document() {
        return document;
    }

    Element head() {
        return head;
    }

    Element body() {
        return body;
    }

    Element add(Element parent, String tag) {
        Element element = document.createElement(tag);
        parent.appendChild(element);
        return element;
    }

    Element add(Element parent, String tag, String text) {
        Element element = add(parent, tag);
        element.setTextContent(text);
        return element;
    }

    /** An element with a class, for the stylesheet. */
    Element add(Element parent, String tag, String text, String cssClass) {
        Element element = add(parent, tag, text);
        element.setAttribute("class", cssClass);
        return element;
    }

    void text(Element parent, String text) {
        parent.appendChild(document.createTextNode(text));
    }
}
