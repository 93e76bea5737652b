package dev.accordhub.sandbox.erp.odata;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Evaluates a parsed {@code $filter} on one entity: comparisons ({@code eq ne gt ge lt le}) of a property with a
 * literal, {@code and}, {@code or}, {@code not}. Anything else is answered 501, never guessed: a client must not
 * take a filter the ERP ignored for one it applied.
 */
final class ODataErpFilter implements ExpressionVisitor<Object> {

    private final Entity entity;

    private ODataErpFilter(Entity entity) {
        this.entity = entity;
    }

    static boolean matches(Expression filter, Entity entity) throws ODataApplicationException {
        try {
            Object result = filter.accept(new ODataErpFilter(entity));
            if (!(result instanceof Boolean matched)) {
                throw new ODataApplicationException("$filter must be a boolean expression", 400, Locale.ROOT);
            }
            return matched;
        } catch (org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException e) {
            throw new ODataApplicationException("$filter cannot be evaluated: " + e.getMessage(), 400, Locale.ROOT);
        }
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, Object right)
            throws ODataApplicationException {
        switch (operator) {
            case AND:
                return bool(left) && bool(right);
            case OR:
                return bool(left) || bool(right);
            case EQ:
                return Objects.equals(left, right);
            case NE:
                return !Objects.equals(left, right);
            case GT:
            case GE:
            case LT:
            case LE:
                if (left == null || right == null) {
                    return false;
                }
                int order = compare(left, right);
                return switch (operator) {
                    case GT -> order > 0;
                    case GE -> order >= 0;
                    case LT -> order < 0;
                    default -> order <= 0;
                };
            default:
                throw unsupported("the operator " + operator);
        }
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, List<Object> right)
            throws ODataApplicationException {
        throw unsupported("the operator " + operator);
    }

    @Override
    public Object visitUnaryOperator(UnaryOperatorKind operator, Object operand) throws ODataApplicationException {
        if (operator == UnaryOperatorKind.NOT) {
            return !bool(operand);
        }
        throw unsupported("the operator " + operator);
    }

    @Override
    public Object visitMethodCall(MethodKind method, List<Object> parameters) throws ODataApplicationException {
        throw unsupported("the function " + method.toString().toLowerCase(Locale.ROOT));
    }

    @Override
    public Object visitLambdaExpression(String function, String variable, Expression expression)
            throws ODataApplicationException {
        throw unsupported("lambda expressions");
    }

    @Override
    public Object visitLiteral(Literal literal) throws ODataApplicationException {
        EdmType type = literal.getType();
        if (type == null) {
            return null;
        }
        if (!(type instanceof EdmPrimitiveType primitive)) {
            throw unsupported("literals of type " + type.getName());
        }
        try {
            String text = primitive.fromUriLiteral(literal.getText());
            Class<?> javaType = EdmPrimitiveTypeKind.DateTimeOffset.getFullQualifiedName()
                    .equals(primitive.getFullQualifiedName()) ? Timestamp.class
                    : EdmPrimitiveTypeKind.Date.getFullQualifiedName().equals(primitive.getFullQualifiedName())
                            ? LocalDate.class : primitive.getDefaultType();
            return normalize(primitive.valueOfString(text, null, null, null, null, null, javaType));
        } catch (EdmPrimitiveTypeException e) {
            throw new ODataApplicationException("Bad literal " + literal.getText() + ": " + e.getMessage(), 400,
                    Locale.ROOT);
        }
    }

    @Override
    public Object visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty property)) {
            throw unsupported("paths other than a property of the entity");
        }
        return normalize(ODataErpEntities.value(entity, property.getProperty().getName()));
    }

    @Override
    public Object visitAlias(String alias) throws ODataApplicationException {
        throw unsupported("parameter aliases");
    }

    @Override
    public Object visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw unsupported("type literals");
    }

    @Override
    public Object visitLambdaReference(String variable) throws ODataApplicationException {
        throw unsupported("lambda references");
    }

    @Override
    public Object visitEnum(EdmEnumType type, List<String> values) throws ODataApplicationException {
        throw unsupported("enumerations");
    }

    /** Numbers compare as decimals and instants as instants, whatever Java type the store or parser chose. */
    private static Object normalize(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) throws ODataApplicationException {
        if (left.getClass() != right.getClass() || !(left instanceof Comparable comparable)) {
            throw new ODataApplicationException("Cannot compare " + left + " with " + right, 400, Locale.ROOT);
        }
        return comparable.compareTo(right);
    }

    private static boolean bool(Object value) throws ODataApplicationException {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ODataApplicationException("Expected a boolean expression, got " + value, 400, Locale.ROOT);
    }

    private static ODataApplicationException unsupported(String what) {
        return new ODataApplicationException("This service does not support " + what + " in $filter",
                HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
    }
}
