package io.pgforce.emulator.auth;

import io.pgforce.emulator.errors.SoapFaultException;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A SOAP request envelope, read namespace-aware and without DTDs or external entities (the body
 * comes from the network). Elements are found by local name, as clients differ in prefixes.
 */
final class SoapRequest {

  private static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";

  private final Element operation;
  private final Element header;

  private SoapRequest(Element operation, Element header) {
    this.operation = operation;
    this.header = header;
  }

  static SoapRequest parse(byte[] body) {
    Document document = document(body);
    Element body1 = child(document.getDocumentElement(), "Body");
    Element operation = body1 == null ? null : firstElement(body1);
    if (!isEnvelope(document) || operation == null) {
      throw notUnderstood();
    }
    return new SoapRequest(operation, child(document.getDocumentElement(), "Header"));
  }

  /** The call, by the local name of the body's element: {@code login}, {@code logout}. */
  String operation() {
    return operation.getLocalName();
  }

  /** The text of an element of the call, such as {@code username}. */
  Optional<String> text(String name) {
    return descendantText(operation, name);
  }

  /** The text of an element of the SOAP header, such as the session header's {@code sessionId}. */
  Optional<String> headerText(String name) {
    return header == null ? Optional.empty() : descendantText(header, name);
  }

  private static Document document(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw notUnderstood();
    }
  }

  private static boolean isEnvelope(Document document) {
    Element root = document.getDocumentElement();
    return "Envelope".equals(root.getLocalName()) && ENVELOPE_NS.equals(root.getNamespaceURI());
  }

  private static Element child(Element parent, String localName) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node node = children.item(i);
      if (node instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static Element firstElement(Element parent) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  private static Optional<String> descendantText(Element root, String localName) {
    NodeList found = root.getElementsByTagNameNS("*", localName);
    return found.getLength() == 0 ? Optional.empty() : Optional.of(found.item(0).getTextContent());
  }

  private static SoapFaultException notUnderstood() {
    return new SoapFaultException(
        "INVALID_REQUEST",
        "The request is not a SOAP envelope the pgforce emulator understands",
        "UnexpectedErrorFault");
  }
}
