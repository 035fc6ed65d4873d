package io.pgforce.salesforce.http;

import java.io.IOException;

/** Turns a successful response into a value while its body streams. */
@FunctionalInterface
public interface ResponseReader<T> {

  T read(ApiResponse response) throws IOException;
}
