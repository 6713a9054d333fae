package dev.cognitosecured.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstantNameTest {

    @ParameterizedTest
    @CsvSource({
            "getTodo, GET_TODO",
            "listTodos, LIST_TODOS",
            "ping, PING",
            "getHTTPStatus, GET_HTTP_STATUS",
            "toURL, TO_URL",
            "todo2Done, TODO2_DONE",
            "get_todo, GET_TODO"})
    void upperSnakeFromMethodName(String method, String constant) {
        assertEquals(constant, ClientWriter.upperSnake(method));
    }
}
