/** Values describing tabular data: logical types, schemas, the domain seen, dataset references. */
package dev.slipway.api.data;
