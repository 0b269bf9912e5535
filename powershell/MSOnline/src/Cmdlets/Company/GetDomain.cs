using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolDomain: one domain by name, or the domains matching the filters.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolDomain", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Domain))]
    public class GetDomain : MsolCmdlet
    {
        private const string ListSet = "ListDomains__0";
        private const string ByNameSet = "GetDomain__0";

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DomainNameCompleter))]
        public string DomainName { get; set; }

        [Parameter(ParameterSetName = ListSet)] public DomainStatus? Status { get; set; }
        [Parameter(ParameterSetName = ListSet)] public DomainAuthenticationType? Authentication { get; set; }
        [Parameter(ParameterSetName = ListSet)] public DomainCapabilities? Capability { get; set; }

        protected override object Target()
        {
            return DomainName;
        }

        protected override void ProcessOne()
        {
            WriteAll<Domain>(BoundBody());
        }
    }
}
