package io.pgforce.emulator.soql;

import io.github.apexdevtools.apexparser.ApexLexer;
import io.github.apexdevtools.apexparser.ApexParser;
import io.github.apexdevtools.apexparser.CaseInsensitiveInputStream;
import io.pgforce.emulator.errors.SalesforceException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Parses SOQL with the apex-parser grammar (the SOQL rules of the Apex grammar, case-insensitive).
 * The grammar's {@code query} rule stops where a query could end, so the parser checks that nothing
 * follows; Apex bind variables ({@code :name}) are refused, since REST has nothing to bind them to.
 * Syntax errors become {@code MALFORMED_QUERY} with Salesforce's {@code unexpected token} wording
 * and position.
 */
public final class SoqlParser {

  static final int MAX_NESTING = 50;

  private SoqlParser() {}

  /**
   * The query's syntax tree.
   *
   * @throws io.pgforce.emulator.errors.SalesforceException 400 {@code MALFORMED_QUERY}
   */
  public static SoqlQuery parse(String text) {
    checkNesting(text);
    try {
      return parse(text, PredictionMode.SLL);
    } catch (SalesforceException e) {
      // SLL prediction is fast but may refuse a valid query; full LL gives the true answer.
      return parse(text, PredictionMode.LL);
    }
  }

  private static SoqlQuery parse(String text, PredictionMode mode) {
    ApexLexer lexer = new ApexLexer(new CaseInsensitiveInputStream(CharStreams.fromString(text)));
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    ApexParser parser = new ApexParser(tokens);
    parser.getInterpreter().setPredictionMode(mode);
    ThrowingListener listener = new ThrowingListener(text);
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    ApexParser.QueryContext query = parser.query();
    Token next = tokens.LT(1);
    if (next.getType() != Token.EOF) {
      throw unexpected(text, next);
    }
    return new AstBuilder(text, tokens).query(query);
  }

  /**
   * Refuses parentheses nested deeper than {@value #MAX_NESTING} before parsing: the grammar's
   * prediction slows down sharply with depth, and no real query needs that many.
   */
  private static void checkNesting(String text) {
    int depth = 0;
    int row = 1;
    int column = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      column++;
      if (c == '\n') {
        row++;
        column = 0;
      } else if (quoted && c == '\\') {
        i++;
        column++;
      } else if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(' && ++depth > MAX_NESTING) {
        throw SoqlErrors.malformed(
            text,
            new SourcePosition(row, column),
            "parentheses are nested more than " + MAX_NESTING + " deep");
      } else if (!quoted && c == ')') {
        depth--;
      }
    }
  }

  /** {@code unexpected token: 'X'} at the token. */
  static RuntimeException unexpected(String text, Token token) {
    String shown = token.getType() == Token.EOF ? "<EOF>" : "'" + token.getText() + "'";
    return SoqlErrors.malformed(text, positionOf(token), "unexpected token: " + shown);
  }

  static SourcePosition positionOf(Token token) {
    return new SourcePosition(token.getLine(), token.getCharPositionInLine() + 1);
  }

  /** Turns the first syntax error into the Salesforce error; ANTLR's recovery never runs. */
  private static final class ThrowingListener extends BaseErrorListener {
    private final String text;

    ThrowingListener(String text) {
      this.text = text;
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      if (offendingSymbol instanceof Token token) {
        throw unexpected(text, token);
      }
      String character =
          charPositionInLine < lineText(line).length()
              ? String.valueOf(lineText(line).charAt(charPositionInLine))
              : "<EOF>";
      throw SoqlErrors.malformed(
          text,
          new SourcePosition(line, charPositionInLine + 1),
          "unexpected token: '" + character + "'");
    }

    private String lineText(int line) {
      String[] lines = text.split("\n", -1);
      return line - 1 < lines.length ? lines[line - 1] : "";
    }
  }
}
