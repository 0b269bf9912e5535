using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolServicePrincipal: deletes the service principal -ObjectId or
    /// -AppPrincipalId names, or every one -ServicePrincipalName names, with its credentials and its
    /// role and group memberships. Like MSOnline it does not ask; -WhatIf says what it would do.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolServicePrincipal", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class RemoveServicePrincipal : MsolCmdlet
    {
        private const string ByIdSet = "RemoveServicePrincipal__0";
        private const string ByAppSet = "RemoveServicePrincipalByAppPrincipalId__0";
        private const string BySpnSet = "RemoveServicePrincipalBySpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByAppSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid AppPrincipalId { get; set; }

        [Parameter(ParameterSetName = BySpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string ServicePrincipalName { get; set; }

        protected override object Target()
        {
            switch (ParameterSetName)
            {
                case BySpnSet: return ServicePrincipalName;
                case ByAppSet: return AppPrincipalId;
                default: return ObjectId;
            }
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), Target().ToString(), "Remove-MsolServicePrincipal (delete for good)");
        }
    }
}
