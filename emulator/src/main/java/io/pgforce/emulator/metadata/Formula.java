package io.pgforce.emulator.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A small subset of Salesforce's formula language for calculated custom fields: numbers, quoted
 * text, field names of the same record, {@code + - * /} on numbers, {@code &} (and {@code +}) on
 * text, unary minus and parentheses. As in Salesforce with "treat blank fields as blanks", an
 * arithmetic operation on an empty field is empty. Anything richer (functions, cross-object
 * references) is refused when the metadata file is read.
 */
public final class Formula implements Calculation {

  private final Node root;
  private final Set<String> fieldNames;

  private Formula(Node root, Set<String> fieldNames) {
    this.root = root;
    this.fieldNames = fieldNames;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with the reason, when the text is not in the subset
   */
  public static Formula parse(String text) {
    Parser parser = new Parser(tokenize(text));
    Node root = parser.expression();
    parser.expectEnd();
    return new Formula(root, Set.copyOf(parser.fields));
  }

  /** The field names the formula reads, so the loader can check they exist. */
  public Set<String> fieldNames() {
    return fieldNames;
  }

  @Override
  public Object compute(Function<String, Object> fieldValues) {
    return root.eval(fieldValues);
  }

  private interface Node {
    Object eval(Function<String, Object> values);
  }

  private static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int end = text.indexOf(c, i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated text literal in formula: " + text);
        }
        tokens.add(text.substring(i, end + 1));
        i = end + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        int start = i;
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        tokens.add(text.substring(start, i));
      } else if ("+-*/&()".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else {
        throw new IllegalArgumentException("unsupported character '" + c + "' in formula: " + text);
      }
    }
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  /** Recursive descent over the token list; one method per precedence level. */
  private static final class Parser {
    private final List<String> tokens;
    private final List<String> fields = new ArrayList<>();
    private int next;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    Node expression() {
      return binary(this::term, "+", "-", "&");
    }

    private Node term() {
      return binary(this::factor, "*", "/");
    }

    /** A left-associative chain of {@code operand (op operand)*} at one precedence level. */
    private Node binary(Supplier<Node> operand, String... operators) {
      Node left = operand.get();
      while (peekAny(operators)) {
        String op = tokens.get(next++);
        Node l = left;
        Node r = operand.get();
        left = values -> apply(op, l.eval(values), r.eval(values));
      }
      return left;
    }

    private Node factor() {
      if (next >= tokens.size()) {
        throw new IllegalArgumentException("formula ends too early");
      }
      String token = tokens.get(next++);
      if (token.equals("(")) {
        Node inner = expression();
        expect(")");
        return inner;
      }
      if (token.equals("-")) {
        Node operand = factor();
        return values -> apply("*", -1.0, operand.eval(values));
      }
      return literalOrField(token);
    }

    private Node literalOrField(String token) {
      char first = token.charAt(0);
      if (first == '\'' || first == '"') {
        String text = token.substring(1, token.length() - 1);
        return values -> text;
      }
      if (Character.isDigit(first) || first == '.') {
        double number = Double.parseDouble(token);
        return values -> number;
      }
      if (token.contains(".")) {
        throw new IllegalArgumentException("cross-object references are not supported: " + token);
      }
      fields.add(token);
      return values -> values.apply(token);
    }

    private boolean peekAny(String... candidates) {
      return next < tokens.size() && List.of(candidates).contains(tokens.get(next));
    }

    private void expect(String token) {
      if (next >= tokens.size() || !tokens.get(next).equals(token)) {
        throw new IllegalArgumentException("expected '" + token + "' in formula");
      }
      next++;
    }

    void expectEnd() {
      if (next != tokens.size()) {
        throw new IllegalArgumentException("unexpected '" + tokens.get(next) + "' in formula");
      }
    }
  }

  private static Object apply(String op, Object left, Object right) {
    if (op.equals("&") || left instanceof String || right instanceof String) {
      return text(left) + text(right);
    }
    if (!(left instanceof Number l) || !(right instanceof Number r)) {
      return null;
    }
    return switch (op) {
      case "+" -> l.doubleValue() + r.doubleValue();
      case "-" -> l.doubleValue() - r.doubleValue();
      case "*" -> l.doubleValue() * r.doubleValue();
      default -> r.doubleValue() == 0 ? null : l.doubleValue() / r.doubleValue();
    };
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
