package io.pgforce.emulator.soql;

import io.github.apexdevtools.apexparser.ApexLexer;
import io.github.apexdevtools.apexparser.ApexParser;
import io.pgforce.emulator.store.FieldValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds a {@link SoqlQuery} from apex-parser's tree, refusing what SOQL over REST does not allow
 * (aliases on fields, bind variables) and what the emulator does not implement (GROUP BY,
 * subqueries, most functions) with a {@code MALFORMED_QUERY} that names the construct.
 */
final class AstBuilder {

  private final String text;
  private final CommonTokenStream tokens;

  AstBuilder(String text, CommonTokenStream tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  SoqlQuery query(ApexParser.QueryContext q) {
    refuseUnsupportedClauses(q);
    ApexParser.FromNameListContext from = q.fromNameList();
    if (from.fieldName().size() > 1) {
      throw SoqlErrors.unsupported(text, at(from.COMMA(0).getSymbol()), "Querying several objects");
    }
    ApexParser.FieldNameContext object = from.fieldName(0);
    if (object.soqlId().size() > 1) {
      throw SoqlParser.unexpected(text, object.DOT(0).getSymbol());
    }
    Optional<String> alias = alias(from);
    SelectParts select = select(q.selectList());
    return new SoqlQuery(
        text,
        object.getText(),
        at(object.getStart()),
        alias,
        select.fields,
        select.fieldsFunction,
        select.count,
        Optional.ofNullable(q.whereClause()).map(w -> logical(w.whereLogicalExpression())),
        orderBy(q.orderByClause()),
        number(q.limitClause()),
        offset(q.offsetClause()),
        q.allRowsClause() != null);
  }

  private void refuseUnsupportedClauses(ApexParser.QueryContext q) {
    refuse(q.usingScope(), "USING SCOPE");
    refuse(q.withClause(), "WITH");
    refuse(q.groupByClause(), "GROUP BY");
    if (q.forClauses().getChildCount() > 0) {
      refuse(q.forClauses(), "FOR VIEW, FOR REFERENCE and FOR UPDATE");
    }
    if (q.UPDATE() != null) {
      throw SoqlErrors.unsupported(text, at(q.UPDATE().getSymbol()), "UPDATE TRACKING");
    }
  }

  private void refuse(ParserRuleContext clause, String feature) {
    if (clause != null) {
      throw SoqlErrors.unsupported(text, at(clause.getStart()), feature);
    }
  }

  /**
   * The FROM alias. A reserved word in alias position is really the start of a clause that has
   * nothing after it ({@code ... FROM Account WHERE}), so the error points past it.
   */
  private Optional<String> alias(ApexParser.FromNameListContext from) {
    if (from.soqlId().isEmpty()) {
      return Optional.empty();
    }
    ApexParser.SoqlIdContext alias = from.soqlId(0);
    if (alias.id().Identifier() == null) {
      throw SoqlParser.unexpected(text, tokenAfter(alias.getStop()));
    }
    return Optional.of(alias.getText());
  }

  private Token tokenAfter(Token token) {
    int i = token.getTokenIndex() + 1;
    while (tokens.get(i).getChannel() != Token.DEFAULT_CHANNEL) {
      i++;
    }
    return tokens.get(i);
  }

  private static final class SelectParts {
    final List<FieldRef> fields = new ArrayList<>();
    Optional<String> fieldsFunction = Optional.empty();
    boolean count;
  }

  private SelectParts select(ApexParser.SelectListContext list) {
    SelectParts parts = new SelectParts();
    for (ApexParser.SelectEntryContext entry : list.selectEntry()) {
      if (entry.soqlId() != null) {
        throw SoqlParser.unexpected(text, entry.soqlId().getStart());
      }
      if (entry.fieldName() != null) {
        parts.fields.add(fieldRef(entry.fieldName()));
      } else if (entry.soqlFunction() != null) {
        function(entry.soqlFunction(), parts, list.selectEntry().size());
      } else {
        throw SoqlErrors.unsupported(text, at(entry.getStart()), "A subquery or TYPEOF");
      }
    }
    return parts;
  }

  private void function(ApexParser.SoqlFunctionContext f, SelectParts parts, int entries) {
    if (f.COUNT() != null && f.fieldName() == null && entries == 1) {
      parts.count = true;
    } else if (f.FIELDS() != null) {
      parts.fieldsFunction = Optional.of(f.soqlFieldsParameter().getText().toUpperCase());
    } else if (f.COUNT() != null && f.fieldName() == null) {
      throw SoqlErrors.malformed(
          text, at(f.getStart()), "COUNT() and field names cannot be selected together");
    } else {
      throw SoqlErrors.unsupported(
          text, at(f.getStart()), "The function " + f.getStart().getText());
    }
  }

  private FieldRef fieldRef(ApexParser.FieldNameContext name) {
    List<String> path = name.soqlId().stream().map(ParserRuleContext::getText).toList();
    return new FieldRef(path, at(name.getStart()));
  }

  private Condition logical(ApexParser.WhereLogicalExpressionContext e) {
    List<Condition> parts = e.whereConditionalExpression().stream().map(this::conditional).toList();
    if (e.NOT() != null) {
      return new Condition.Not(parts.get(0));
    }
    if (!e.SOQLAND().isEmpty()) {
      return new Condition.And(parts);
    }
    return e.SOQLOR().isEmpty() ? parts.get(0) : new Condition.Or(parts);
  }

  private Condition conditional(ApexParser.WhereConditionalExpressionContext c) {
    if (c.whereLogicalExpression() != null) {
      return logical(c.whereLogicalExpression());
    }
    ApexParser.FieldExpressionContext field = c.whereFieldExpression().fieldExpression();
    if (field == null || field.fieldName() == null) {
      throw SoqlErrors.unsupported(text, at(c.getStart()), "A function in WHERE");
    }
    return new Condition.Comparison(
        fieldRef(field.fieldName()), operator(field.comparisonOperator()), value(field.value()));
  }

  private Condition.Operator operator(ApexParser.ComparisonOperatorContext op) {
    if (op.NOT() != null) {
      return Condition.Operator.NOT_IN;
    }
    return switch (op.getStart().getType()) {
      case ApexLexer.ASSIGN -> Condition.Operator.EQ;
      case ApexLexer.NOTEQUAL, ApexLexer.LESSANDGREATER -> Condition.Operator.NE;
      case ApexLexer.LT -> op.ASSIGN() != null ? Condition.Operator.LE : Condition.Operator.LT;
      case ApexLexer.GT -> op.ASSIGN() != null ? Condition.Operator.GE : Condition.Operator.GT;
      case ApexLexer.LIKE -> Condition.Operator.LIKE;
      case ApexLexer.IN -> Condition.Operator.IN;
      case ApexLexer.INCLUDES -> Condition.Operator.INCLUDES;
      default -> Condition.Operator.EXCLUDES;
    };
  }

  private Literal value(ApexParser.ValueContext v) {
    SourcePosition at = at(v.getStart());
    if (v.boundExpression() != null) {
      throw SoqlParser.unexpected(text, v.boundExpression().getStart());
    }
    if (v.NULL() != null) {
      return new Literal.Null(at);
    }
    if (v.BooleanLiteral() != null) {
      return new Literal.Bool(Boolean.parseBoolean(v.getText().toLowerCase()), at);
    }
    if (v.signedNumber() != null) {
      return new Literal.Number(new BigDecimal(v.signedNumber().getText()), at);
    }
    if (v.StringLiteral() != null) {
      return new Literal.Text(unquote(v.StringLiteral().getText()), at);
    }
    if (v.valueList() != null) {
      return new Literal.ValueList(v.valueList().value().stream().map(this::value).toList(), at);
    }
    return temporal(v, at);
  }

  private Literal temporal(ApexParser.ValueContext v, SourcePosition at) {
    try {
      if (v.DateLiteral() != null) {
        return new Literal.Date(LocalDate.parse(v.getText()), at);
      }
      if (v.DateTimeLiteral() != null) {
        Instant instant = FieldValues.parseDateTime(v.getText().toUpperCase());
        if (instant != null) {
          return new Literal.DateTime(instant, at);
        }
        throw SoqlParser.unexpected(text, v.getStart());
      }
    } catch (DateTimeParseException e) {
      throw SoqlParser.unexpected(text, v.getStart());
    }
    if (v.dateFormula() != null) {
      return dateFormula(v.dateFormula(), at);
    }
    if (v.subQuery() != null) {
      throw SoqlErrors.unsupported(text, at, "A semi-join subquery");
    }
    throw SoqlErrors.unsupported(text, at, "The literal " + v.getText());
  }

  private Literal dateFormula(ApexParser.DateFormulaContext f, SourcePosition at) {
    String name = f.getStart().getText().toUpperCase();
    int n = f.signedInteger() == null ? 0 : Integer.parseInt(f.signedInteger().getText());
    return new Literal.DateFormula(name, n, at);
  }

  /** Removes the quotes and SOQL's escapes; {@code \_} and {@code \%} stay escaped for LIKE. */
  private static String unquote(String quoted) {
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char next = body.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> "\n";
              case 'r' -> "\r";
              case 't' -> "\t";
              case 'b' -> "\b";
              case 'f' -> "\f";
              case '_', '%' -> "\\" + next;
              default -> String.valueOf(next);
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private List<SoqlQuery.OrderItem> orderBy(ApexParser.OrderByClauseContext clause) {
    if (clause == null) {
      return List.of();
    }
    List<SoqlQuery.OrderItem> items = new ArrayList<>();
    for (ApexParser.FieldOrderContext order : clause.fieldOrderList().fieldOrder()) {
      if (order.fieldName() == null) {
        throw SoqlErrors.unsupported(text, at(order.getStart()), "Ordering by a function");
      }
      items.add(
          new SoqlQuery.OrderItem(
              fieldRef(order.fieldName()), order.DESC() != null, order.LAST() != null));
    }
    return items;
  }

  private OptionalInt number(ApexParser.LimitClauseContext limit) {
    return limit == null ? OptionalInt.empty() : integer(limit.IntegerLiteral(), limit);
  }

  private OptionalInt offset(ApexParser.OffsetClauseContext offset) {
    return offset == null ? OptionalInt.empty() : integer(offset.IntegerLiteral(), offset);
  }

  private OptionalInt integer(TerminalNode literal, ParserRuleContext clause) {
    if (literal == null) {
      throw SoqlParser.unexpected(
          text,
          clause.getStart().getTokenIndex() + 1 < tokens.size()
              ? tokenAfter(clause.getStart())
              : clause.getStop());
    }
    try {
      return OptionalInt.of(Integer.parseInt(literal.getText()));
    } catch (NumberFormatException e) {
      throw SoqlErrors.malformed(
          text, at(literal.getSymbol()), "The value " + literal.getText() + " is too large");
    }
  }

  private static SourcePosition at(Token token) {
    return SoqlParser.positionOf(token);
  }
}
