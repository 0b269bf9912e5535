using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolUser: moves a user to the recycle bin (restorable for 30 days), or with
    /// -RemoveFromRecycleBin deletes it for good. Asks first unless -Force (as MSOnline did) or -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolUser", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class RemoveUser : MsolCmdlet
    {
        private const string ByIdSet = "RemoveUser__0";
        private const string ByUpnSet = "RemoveUserByUpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByUpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter RemoveFromRecycleBin { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Asks, as MSOnline did; a session that cannot ask (no terminal, a non-interactive
        /// host) gets an error that says how to go on instead of the host's own failure.</summary>
        private bool AskToContinue(string question)
        {
            Exception failure;
            try
            {
                return ShouldContinue(question, "Remove-MsolUser");
            }
            catch (NullReferenceException e) { failure = e; }
            catch (System.Management.Automation.Host.HostException e) { failure = e; }
            catch (PSInvalidOperationException e) { failure = e; }
            ThrowTerminatingError(new ErrorRecord(
                new PSInvalidOperationException("Remove-MsolUser asks before it removes a user, and this session cannot ask (it has no interactive terminal). Add -Force, or -Confirm:$false, to remove without asking.", failure),
                "ConfirmationNotPossible",
                ErrorCategory.InvalidOperation,
                Target()));
            return false;
        }

        protected override object Target()
        {
            return ParameterSetName == ByUpnSet ? UserPrincipalName : (object)ObjectId;
        }

        protected override void ProcessOne()
        {
            string target = Convert.ToString(Target());
            string action = RemoveFromRecycleBin ? "Remove-MsolUser (delete for good)" : "Remove-MsolUser (move to the recycle bin)";
            if (!ShouldProcess(target, action)) return;
            bool confirmDeclined = MyInvocation.BoundParameters.ContainsKey("Confirm") && !((SwitchParameter)MyInvocation.BoundParameters["Confirm"]).IsPresent;
            if (!Force && !confirmDeclined && !AskToContinue("Remove user " + target + "?")) return;
            Submit<WriteOutcome>(BoundBody("Force"), target, outcome => ReportOutcome(target, outcome));
        }
    }
}
