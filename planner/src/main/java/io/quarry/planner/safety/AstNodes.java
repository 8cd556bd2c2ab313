package io.quarry.planner.safety;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Generic traversal of JSqlParser's object tree.
 *
 * <p>JSqlParser's visitor interfaces have a method per node type, and an adapter that forgets
 * to descend into one field (a FILTER clause, a window's ORDER BY, a function's ORDER BY...)
 * would let a subquery or a {@code now()} through unseen. This walker instead reads every
 * instance field of every JSqlParser model object reflectively, so no child can be skipped.
 * The list of fields per class is computed once and cached ({@link ClassValue} is thread-safe).
 * Parser internals ({@code net.sf.jsqlparser.parser.*}: tokens, JavaCC nodes) are not followed.
 */
final class AstNodes {

    private static final String MODEL_PACKAGE = "net.sf.jsqlparser.";
    private static final String PARSER_PACKAGE = "net.sf.jsqlparser.parser.";

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
                if (!k.getName().startsWith(MODEL_PACKAGE)) {
                    continue; // e.g. ArrayList, the superclass of ExpressionList
                }
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()
                            || f.getType().getName().startsWith(PARSER_PACKAGE)
                            || f.getType().isPrimitive() || f.getType() == String.class || f.getType().isEnum()) {
                        continue;
                    }
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
            return List.copyOf(fields);
        }
    };

    private AstNodes() {
    }

    /** Whether the object is a JSqlParser model node (not a parser internal, not an enum). */
    static boolean isModel(Object o) {
        if (o == null || o.getClass().isEnum()) {
            return false;
        }
        String name = o.getClass().getName();
        return name.startsWith(MODEL_PACKAGE) && !name.startsWith(PARSER_PACKAGE);
    }

    /** The direct model children of a node, in field declaration order (subclass fields first). */
    static List<Object> children(Object node) {
        List<Object> out = new ArrayList<>();
        if (node instanceof Collection<?> c) {
            c.forEach(e -> addValue(e, out));
        }
        for (Field f : FIELDS.get(node.getClass())) {
            try {
                addValue(f.get(node), out);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot inspect " + f, e);
            }
        }
        return out;
    }

    /**
     * Visits {@code root} and its descendants depth-first, each node once. {@code descend}
     * decides whether the children of a visited node (other than the root) are walked.
     */
    static void walk(Object root, Predicate<Object> descend, Consumer<Object> visit) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Object node = stack.pop();
            if (!seen.add(node)) {
                continue;
            }
            visit.accept(node);
            if (node == root || descend.test(node)) {
                List<Object> kids = children(node);
                for (int i = kids.size() - 1; i >= 0; i--) {
                    stack.push(kids.get(i));
                }
            }
        }
    }

    /** All descendants of {@code root} (including itself) of the given type, not descending past {@code stop}. */
    static <T> List<T> find(Object root, Class<T> type, Predicate<Object> stop) {
        List<T> found = new ArrayList<>();
        walk(root, n -> !stop.test(n), n -> {
            if (type.isInstance(n)) {
                found.add(type.cast(n));
            }
        });
        return found;
    }

    private static void addValue(Object value, List<Object> out) {
        if (value == null) {
            return;
        }
        if (isModel(value)) {
            out.add(value);
        } else if (value instanceof Collection<?> c) {
            c.forEach(e -> addValue(e, out));
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(e -> addValue(e, out));
        } else if (value instanceof Object[] array) {
            for (Object e : array) {
                addValue(e, out);
            }
        }
    }
}
