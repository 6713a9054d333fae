package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;

@CognitoSecured
public record NotAnInterfaceRecord(String id) {
}
