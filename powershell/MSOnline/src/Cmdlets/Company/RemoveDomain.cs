using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolDomain: removes a domain that is neither the initial nor the default one and
    /// that no user or group uses (DomainInUseException names them). Asks first unless -Force (as
    /// MSOnline did) or -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolDomain", SupportsShouldProcess = true)]
    public class RemoveDomain : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DomainNameCompleter))]
        public string DomainName { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object Target()
        {
            return DomainName;
        }

        protected override void ProcessOne()
        {
            if (!ShouldProcess(DomainName, "Remove-MsolDomain")) return;
            if (!Force && !AskToContinue("Remove domain " + DomainName + "?", "removes a domain")) return;
            Submit<WriteOutcome>(BoundBody("Force"), DomainName, outcome => ReportOutcome(DomainName, outcome));
        }
    }
}
