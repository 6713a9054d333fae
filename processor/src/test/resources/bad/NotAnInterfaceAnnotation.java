package com.example.bad;

import dev.cognitosecured.annotations.CognitoSecured;

@CognitoSecured
public @interface NotAnInterfaceAnnotation {
}
