// tide cluster info
import { Command } from 'commander';
import { runAction } from '../context.js';
import { keyValues, section, table, type Io, type OutputFormat } from '../output.js';
import { formatOption } from './common.js';

export function clusterCommand(io: Io): Command {
  const cluster = new Command('cluster').description('cluster-wide information');
  cluster
    .command('info')
    .description('cluster id, controller, brokers and topic count')
    .addOption(formatOption())
    .action((o: { format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const d = await ctx.admin.describeCluster();
        const topics = await ctx.admin.listTopics({ includeInternal: true });
        const internal = topics.length - (await ctx.admin.listTopics()).length;
        const doc = {
          clusterId: d.clusterId,
          controllerId: d.controllerId,
          brokers: d.brokers,
          topics: topics.length,
          bootstrap: ctx.conn.brokers,
          bootstrapSource: ctx.conn.source,
        };
        ctx.print(o.format, () => doc, () => [
          ...section('CLUSTER'),
          ...keyValues([['ID', d.clusterId], ['CONTROLLER', d.controllerId], ['TOPICS', `${topics.length - internal} (+${internal} internal)`], ['BOOTSTRAP', `${ctx.conn.brokers.join(',')} (from ${ctx.conn.source})`]]),
          '',
          ...section('BROKERS'),
          ...table(['id', 'host', 'port', 'rack'], d.brokers.map((b) => [`${b.nodeId}${b.nodeId === d.controllerId ? '*' : ''}`, b.host, b.port, b.rack])),
        ]);
      }));
  return cluster;
}
