// The base of every Msol cmdlet: the connection check, the request, paging and the error mapping.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Reflection;
using System.Threading.Tasks;

namespace Microsoft.Online.Administration.Automation
{
    public abstract class MsolCmdlet : PSCmdlet
    {
        private static readonly Dictionary<Type, HashSet<string>> declaredParameters = new Dictionary<Type, HashSet<string>>();
        private const int LargestPage = 1000;
        private bool notConnected;

        /// <summary>The tenant to act on (partners only); the connected tenant when not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Guid? TenantId { get; set; }

        /// <summary>The bridge operation this cmdlet calls: its own name.</summary>
        protected string Operation
        {
            get { return MyInvocation.MyCommand.Name; }
        }

        protected override void BeginProcessing()
        {
            if (!BridgeSession.IsConnected)
            {
                notConnected = true;
                // MSOnline reported this as a (non-terminating) error of the cmdlet, once.
                WriteError(Faults.Record(new MicrosoftOnlineException(Faults.NotConnectedMessage), null));
            }
        }

        protected override void ProcessRecord()
        {
            if (notConnected) return;
            try
            {
                ProcessOne();
            }
            catch (MicrosoftOnlineException fault)
            {
                WriteError(Faults.Record(fault, Target()));
            }
        }

        /// <summary>Handles one pipeline object (or the single call).</summary>
        protected abstract void ProcessOne();

        /// <summary>What an error is about (the ErrorRecord's TargetObject).</summary>
        protected virtual object Target() { return null; }

        /// <summary>The parameters the caller bound (on the command line or from the piped object),
        /// and nothing else, as the request body: the bridge then writes only what was asked.
        /// Parameters that only steer the cmdlet itself (-Force) are named in cmdletOnly.</summary>
        protected RequestBody BoundBody(params string[] cmdletOnly)
        {
            HashSet<string> declared = DeclaredParameters(GetType());
            RequestBody body = new RequestBody();
            foreach (KeyValuePair<string, object> bound in MyInvocation.BoundParameters)
            {
                if (declared.Contains(bound.Key) && Array.IndexOf(cmdletOnly, bound.Key) < 0) body.Set(bound.Key, bound.Value);
            }
            return body;
        }

        private static HashSet<string> DeclaredParameters(Type type)
        {
            lock (declaredParameters)
            {
                HashSet<string> names;
                if (declaredParameters.TryGetValue(type, out names)) return names;
                names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetCustomAttributes(typeof(ParameterAttribute), true).Length > 0) names.Add(property.Name);
                }
                declaredParameters[type] = names;
                return names;
            }
        }

        protected T Call<T>(RequestBody body)
        {
            return BridgeSession.Client.Call<T>(Operation, body);
        }

        /// <summary>Runs a write after ShouldProcess (so -WhatIf and -Confirm work) and answers what changed.</summary>
        protected WriteOutcome Change(RequestBody body, string target, string action)
        {
            if (!ShouldProcess(target, action)) return null;
            WriteOutcome outcome = Call<WriteOutcome>(body);
            if (outcome != null && outcome.Warnings != null)
            {
                foreach (string warning in outcome.Warnings) WriteWarning(target + ": " + warning);
            }
            if (outcome != null && outcome.Changed != null)
            {
                WriteVerbose(outcome.Changed.Count == 0
                    ? target + ": nothing to change."
                    : target + ": changed " + string.Join(", ", outcome.Changed.ToArray()) + ".");
            }
            return outcome;
        }

        /// <summary>Streams a list page by page: each object goes down the pipeline as soon as its page
        /// arrives. The next page is asked for (from the Next-Page-Token header) before this one is
        /// parsed, so the bridge works on it while this thread parses and writes.</summary>
        protected void Stream<T>(RequestBody body, string noun, bool showProgress)
        {
            BridgeClient client = BridgeSession.Client;
            string operation = Operation;
            ProgressRecord progress = showProgress ? new ProgressRecord(1, operation, "Listing " + noun) : null;
            Stopwatch clock = Stopwatch.StartNew();
            long count = 0;
            // Long listings take the bridge's largest pages: fewer round trips, same order.
            if (showProgress) body = body.Copy().Set("PageSize", LargestPage);
            RawAnswer raw = client.CallRaw(operation, body);
            while (raw != null)
            {
                Task<RawAnswer> next = raw.NextPageToken == null ? null : FetchPage(client, operation, body, raw.NextPageToken);
                ListPage<T> page = raw.Read<ListPage<T>>();
                if (next == null && !string.IsNullOrEmpty(page.NextPageToken))
                {
                    next = FetchPage(client, operation, body, page.NextPageToken);
                }
                if (page.Value != null)
                {
                    foreach (T item in page.Value) WriteObject(item);
                    count += page.Value.Count;
                }
                if (page.MoreResultsAvailable)
                {
                    WriteWarning("More " + noun + " exist than were returned. Use -All to return every one, or -MaxResults to return more.");
                }
                if (progress != null)
                {
                    double seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                    progress.StatusDescription = string.Format("{0} {1} so far ({2:0} per second)", count, noun, count / seconds);
                    WriteProgress(progress);
                }
                raw = next == null ? null : Await(next);
            }
            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        private static Task<RawAnswer> FetchPage(BridgeClient client, string operation, RequestBody body, string token)
        {
            RequestBody nextBody = body.Copy().Set("PageToken", token);
            return Task.Factory.StartNew(() => client.CallRaw(operation, nextBody));
        }

        private static RawAnswer Await(Task<RawAnswer> task)
        {
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (AggregateException failure)
            {
                throw failure.GetBaseException();
            }
        }

        /// <summary>Reads a list answer to its end (short lists: roles, domains, SKUs).</summary>
        protected void WriteAll<T>(RequestBody body)
        {
            Stream<T>(body, "objects", false);
        }
    }
}
