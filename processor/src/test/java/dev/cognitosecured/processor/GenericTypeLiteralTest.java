package dev.cognitosecured.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import org.junit.jupiter.api.Test;

/** Which result types get {@code new GenericType<X>(X.class)} rather than an anonymous subclass. */
class GenericTypeLiteralTest {

    private static final ClassName TODO = ClassName.get("com.example.todo", "Todo");
    private static final TypeName LIST_OF_TODO = ParameterizedTypeName.get(ClassName.get("java.util", "List"), TODO);

    @Test
    void classesAndTheirArraysHaveAClassLiteral() {
        assertTrue(ClientWriter.hasClassLiteral(TODO));
        assertTrue(ClientWriter.hasClassLiteral(TODO.nestedClass("Item")));
        assertTrue(ClientWriter.hasClassLiteral(ClassName.get(Void.class)));
        assertTrue(ClientWriter.hasClassLiteral(ArrayTypeName.of(ArrayTypeName.of(TODO))));
        assertTrue(ClientWriter.hasClassLiteral(ArrayTypeName.of(TypeName.INT)));
    }

    @Test
    void parameterizedTypesAndTheirArraysKeepTheAnonymousSubclass() {
        assertFalse(ClientWriter.hasClassLiteral(LIST_OF_TODO));
        assertFalse(ClientWriter.hasClassLiteral(ArrayTypeName.of(LIST_OF_TODO)));
        assertFalse(ClientWriter.hasClassLiteral(
                ParameterizedTypeName.get(ClassName.get("com.example", "Page"), TODO).nestedClass("Entry")));
    }
}
