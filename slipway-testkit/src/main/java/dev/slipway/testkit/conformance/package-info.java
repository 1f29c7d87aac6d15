/**
 * Conformance suites: abstract JUnit 5 test classes that every implementation of an SPI extends, so
 * that each implementation is held to the same contract.
 */
package dev.slipway.testkit.conformance;
