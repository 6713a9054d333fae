package dev.cognitosecured.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The variables map of a call ({@link Operation#variables}): the operation's names over the call's
 * values, in order, {@code null} allowed, unmodifiable, equal to any map with the same entries.
 */
class OperationVariablesTest {

    private static final CallPolicy POLICY = CallPolicy.accessToken().refreshSkew(Duration.ofSeconds(30)).replays(1);

    private static Operation<String> operation(String... names) {
        return Operation.mutation("TodoApi.put", "mutation Put { x }")
                .rootField("x").variables(names).policy(POLICY).returning(String.class);
    }

    private final Operation<String> put = operation("title", "note", "done");

    @Test
    void mapsEachNameToItsValueInTheNamesOrder() {
        Map<String, Object> variables = put.variables("milk", "2 litres", true);

        assertEquals(3, variables.size());
        assertFalse(variables.isEmpty());
        assertEquals("milk", variables.get("title"));
        assertEquals("2 litres", variables.get("note"));
        assertEquals(true, variables.get("done"));
        assertEquals(List.of("title", "note", "done"), new ArrayList<>(variables.keySet()));
        assertEquals(List.of("milk", "2 litres", true), new ArrayList<>(variables.values()));
        List<String> visited = new ArrayList<>();
        variables.forEach((name, value) -> visited.add(name + "=" + value));
        assertEquals(List.of("title=milk", "note=2 litres", "done=true"), visited);
        assertEquals("{title=milk, note=2 litres, done=true}", variables.toString());
    }

    @Test
    void keepsNullValuesAsEntries() {
        Map<String, Object> variables = put.variables("milk", null, null);

        assertTrue(variables.containsKey("note"));
        assertNull(variables.get("note"));
        assertEquals("fallback", variables.getOrDefault("missing", "fallback"));
        assertNull(variables.getOrDefault("note", "fallback"), "a null value is a value");
        assertTrue(variables.containsValue(null));
        assertEquals(3, variables.entrySet().size());
        Iterator<Map.Entry<String, Object>> entries = variables.entrySet().iterator();
        assertEquals(Map.entry("title", "milk"), entries.next());
        Map.Entry<String, Object> note = entries.next();
        assertEquals("note", note.getKey());
        assertNull(note.getValue());
        entries.next();
        assertFalse(entries.hasNext());
        assertThrows(NoSuchElementException.class, entries::next);
    }

    @Test
    void findsNothingUnderOtherKeys() {
        Map<String, Object> variables = put.variables("milk", "2 litres", true);

        assertFalse(variables.containsKey("Title"));
        assertFalse(variables.containsKey(null));
        assertFalse(variables.containsKey(1));
        assertNull(variables.get("other"));
        assertNull(variables.get(null));
        assertFalse(variables.containsValue("bread"));
    }

    @Test
    void equalsAndHashesLikeAnyMapWithTheSameEntries() {
        Map<String, Object> variables = put.variables("milk", null, true);
        Map<String, Object> hashMap = new HashMap<>();
        hashMap.put("done", true);
        hashMap.put("title", "milk");
        hashMap.put("note", null);

        assertEquals(hashMap, variables);
        assertEquals(variables, hashMap);
        assertEquals(hashMap.hashCode(), variables.hashCode());
        assertEquals(put.variables("milk", null, true), variables);
        assertEquals(Map.of("id", "1"), operation("id").variables("1"));
        assertEquals(operation("id").variables("1"), Map.of("id", "1"));

        hashMap.put("note", "2 litres");
        assertNotEquals(hashMap, variables);
        assertNotEquals(variables, hashMap);
        assertNotEquals(variables, put.variables("milk", "", true));
        assertNotEquals(Map.of("title", "milk"), operation("title", "note").variables("milk", null),
                "a null variable is still a variable");
    }

    @Test
    void cannotBeChanged() {
        assertUnmodifiable(put.variables("milk", null, true));
        assertUnmodifiable(operation("id").variables("1"));
        assertUnmodifiable(operation("id").variables((Object) null));
    }

    private static void assertUnmodifiable(Map<String, Object> variables) {
        Map<String, Object> before = new LinkedHashMap<>(variables);
        String first = before.keySet().iterator().next();

        List<Executable> changes = List.of(
                () -> variables.put(first, "bread"),
                () -> variables.put("other", 1),
                () -> variables.remove(first),
                () -> variables.remove("absent"),
                () -> variables.remove(first, before.get(first)),
                () -> variables.putAll(Map.of(first, "bread")),
                variables::clear,
                () -> variables.replaceAll((name, value) -> "x"),
                () -> variables.putIfAbsent(first, "x"),
                () -> variables.replace(first, "bread"),
                () -> variables.replace(first, before.get(first), "bread"),
                () -> variables.computeIfAbsent(first, name -> "bread"),
                () -> variables.computeIfPresent(first, (name, value) -> "bread"),
                () -> variables.compute(first, (name, value) -> "bread"),
                () -> variables.merge(first, "bread", (a, b) -> b),
                () -> variables.entrySet().iterator().next().setValue("bread"),
                () -> variables.entrySet().clear(),
                () -> variables.keySet().remove(first),
                () -> variables.values().remove(before.get(first)),
                () -> {
                    Iterator<String> names = variables.keySet().iterator();
                    names.next();
                    names.remove();
                });
        for (Executable change : changes) {
            assertThrows(UnsupportedOperationException.class, change);
        }
        assertEquals(before, variables);
    }

    @Test
    void oneVariableIsTheSameMapWithOrWithoutTheArray() {
        Operation<String> get = operation("id");
        Map<String, Object> single = get.variables("1");
        Map<String, Object> nothing = get.variables((Object) null);

        assertEquals(get.variables(new Object[] {"1"}), single);
        assertEquals(Map.of("id", "1"), single);
        assertEquals(List.of("id"), new ArrayList<>(nothing.keySet()));
        assertTrue(nothing.containsKey("id"));
        assertNull(nothing.get("id"));
        assertEquals(get.variables(new Object[] {null}), nothing);
        assertEquals(Map.of("id", "1").hashCode(), single.hashCode());
        assertEquals("{id=1}", single.toString());
        assertEquals(1, single.size());
        assertFalse(single.containsKey("other"));
        assertNull(single.get("other"));
        List<String> visited = new ArrayList<>();
        single.forEach((name, value) -> visited.add(name + "=" + value));
        assertEquals(List.of("id=1"), visited);
        Iterator<Map.Entry<String, Object>> entries = single.entrySet().iterator();
        assertEquals(Map.entry("id", "1"), entries.next());
        assertFalse(entries.hasNext());
        assertThrows(NoSuchElementException.class, entries::next);
        IllegalArgumentException notOne = assertThrows(IllegalArgumentException.class, () -> operation().variables("1"));
        assertEquals("TodoApi.put takes 0 variables, was given 1", notOne.getMessage());
    }

    @Test
    void anOperationWithoutVariablesGivesTheEmptyMap() {
        Map<String, Object> variables = operation().variables();

        assertSame(Map.of(), variables);
    }

    @Test
    void takesOneValuePerVariable() {
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class, () -> put.variables("milk"));
        assertEquals("TodoApi.put takes 3 variables, was given 1", tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> put.variables("milk", null));
        assertThrows(IllegalArgumentException.class, () -> put.variables("milk", null, true, 4));
    }

    @Test
    void anOperationNamesEachVariableOnce() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> operation("id", "id"));
        assertEquals("TodoApi.put names a variable twice: [id, id]", twice.getMessage());
    }
}
