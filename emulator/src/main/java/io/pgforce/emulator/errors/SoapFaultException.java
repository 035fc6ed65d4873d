package io.pgforce.emulator.errors;

/**
 * A SOAP fault of the partner API ({@code sf:INVALID_LOGIN} and the like), answered with HTTP 500
 * and a fault envelope.
 */
public class SoapFaultException extends RuntimeException {

  private final String exceptionCode;
  private final String faultType;

  /**
   * @param exceptionCode the code, e.g. {@code INVALID_LOGIN}
   * @param message the human-readable part of the fault string
   * @param faultType the detail element's type, e.g. {@code LoginFault} or {@code
   *     UnexpectedErrorFault}
   */
  public SoapFaultException(String exceptionCode, String message, String faultType) {
    super(message);
    this.exceptionCode = exceptionCode;
    this.faultType = faultType;
  }

  public String exceptionCode() {
    return exceptionCode;
  }

  public String faultType() {
    return faultType;
  }
}
