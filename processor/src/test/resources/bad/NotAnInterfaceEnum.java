package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;

@CognitoSecured
public enum NotAnInterfaceEnum {
    ONE
}
