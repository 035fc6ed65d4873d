package io.pgforce.emulator.soql;

/**
 * Where a token sits in the query text, 1-based as Salesforce reports it ({@code ERROR at
 * Row:1:Column:8}).
 *
 * @param row the line, from 1
 * @param column the character within the line, from 1
 */
public record SourcePosition(int row, int column) {}
