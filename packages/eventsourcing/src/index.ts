// @tideline/eventsourcing: event streams per entity on Kafka, projections, snapshots, upcasters.
export {};
