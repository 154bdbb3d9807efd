package com.acme.shop;

/** A library class, so the reactor has a module that is not a service. */
public record Money(long cents, String currency) {
}
