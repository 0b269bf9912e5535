using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolSubscription: the commercial subscriptions the company has bought, or one by
    /// its ObjectId. No view of its own: PowerShell lists every property, as for MSOnline's.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolSubscription", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Subscription))]
    public class GetSubscription : MsolCmdlet
    {
        private const string ListSet = "ListSubscriptions__0";
        private const string ByIdSet = "GetSubscription__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid SubscriptionId { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByIdSet ? (object)SubscriptionId : null;
        }

        protected override void ProcessOne()
        {
            WriteAll<Subscription>(BoundBody());
        }
    }
}
