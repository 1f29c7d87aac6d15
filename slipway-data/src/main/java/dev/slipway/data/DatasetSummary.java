package dev.slipway.data;

/**
 * A dataset with its latest version.
 *
 * @param name the dataset's name
 * @param versions how many versions it has
 * @param latest its newest version
 */
public record DatasetSummary(String name, int versions, DatasetVersion latest) {}
