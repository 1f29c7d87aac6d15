/**
 * The model registry: model versions stored as packages (a versioned manifest plus the native model
 * files) in the home's blob store, with aliases, tags and lineage in the metadata store.
 */
package dev.slipway.registry;
