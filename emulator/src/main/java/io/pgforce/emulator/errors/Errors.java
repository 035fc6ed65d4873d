package io.pgforce.emulator.errors;

/**
 * The errors several parts of the emulator raise, with Salesforce's status and wording in one
 * place.
 */
public final class Errors {

  private Errors() {}

  /** 404 for a resource that does not exist (unknown path, record id or sObject on REST). */
  public static SalesforceException notFound() {
    return new SalesforceException(
        404, ApiError.withoutFields("NOT_FOUND", "The requested resource does not exist"));
  }

  /** 401 for a missing, unknown, revoked or expired access token. */
  public static SalesforceException invalidSession() {
    return new SalesforceException(
        401, ApiError.withoutFields("INVALID_SESSION_ID", "Session expired or invalid"));
  }

  /** 403 when the org's daily API request allowance is used up. */
  public static SalesforceException requestLimitExceeded() {
    return new SalesforceException(
        403, ApiError.withoutFields("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
  }

  /** 400 for a request body that is not the JSON Salesforce expects. */
  public static SalesforceException jsonParser(String message) {
    return new SalesforceException(400, ApiError.withoutFields("JSON_PARSER_ERROR", message));
  }

  /** 400 {@code INVALID_FIELD} for a body key that is no field of the object. */
  public static ApiError noSuchColumn(String field, String objectName) {
    return ApiError.withoutFields(
        "INVALID_FIELD", "No such column '" + field + "' on sobject of type " + objectName);
  }

  /** What every other record of an all-or-none call reports when one record fails. */
  public static final ApiError ROLLED_BACK =
      ApiError.of(
          "ALL_OR_NONE_OPERATION_ROLLED_BACK",
          "Record rolled back because not all records were valid and the request was using"
              + " AllOrNone header");

  /** 405 for a method the resource does not have. */
  public static SalesforceException methodNotAllowed(String method) {
    return new SalesforceException(
        405,
        ApiError.withoutFields("METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed."));
  }

  /** 400 with one error. */
  public static SalesforceException badRequest(String code, String message) {
    return new SalesforceException(400, ApiError.withoutFields(code, message));
  }

  /** 404 {@code NOT_FOUND} when an external id field named in a URL is unknown or not one. */
  public static SalesforceException externalIdFieldNotFound(String field) {
    return new SalesforceException(
        404,
        ApiError.withoutFields(
            "NOT_FOUND",
            "Provided external ID field does not exist or is not accessible: " + field));
  }
}
