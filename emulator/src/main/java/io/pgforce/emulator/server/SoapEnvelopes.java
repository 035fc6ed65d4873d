package io.pgforce.emulator.server;

import io.pgforce.emulator.errors.SoapFaultException;

/** SOAP envelopes of the partner API, written as Salesforce writes them. */
public final class SoapEnvelopes {

  private static final String OPEN =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
          + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"";

  private SoapEnvelopes() {}

  /** A response body in the partner namespace. */
  public static String response(String bodyXml) {
    return OPEN
        + " xmlns=\"urn:partner.soap.sforce.com\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
        + bodyXml
        + "</soapenv:Body></soapenv:Envelope>";
  }

  /** A fault: {@code sf:CODE} with {@code CODE: message} and the typed detail. */
  public static String fault(SoapFaultException e) {
    String code = escape(e.exceptionCode());
    String message = escape(e.getMessage());
    return OPEN
        + " xmlns:sf=\"urn:fault.partner.soap.sforce.com\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><soapenv:Fault>"
        + "<faultcode>sf:"
        + code
        + "</faultcode>"
        + "<faultstring>"
        + code
        + ": "
        + message
        + "</faultstring>"
        + "<detail><sf:"
        + e.faultType()
        + " xsi:type=\"sf:"
        + e.faultType()
        + "\">"
        + "<sf:exceptionCode>"
        + code
        + "</sf:exceptionCode>"
        + "<sf:exceptionMessage>"
        + message
        + "</sf:exceptionMessage>"
        + "</sf:"
        + e.faultType()
        + "></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
  }

  /** Escapes text for an XML element. */
  public static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
