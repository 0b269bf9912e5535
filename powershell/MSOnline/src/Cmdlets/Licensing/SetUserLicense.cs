using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolUserLicense: adds and removes licences (AccountSkuIds such as contoso:ENTERPRISEPACK) in one atomic change.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolUserLicense", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class SetUserLicense : MsolCmdlet
    {
        private const string ByIdSet = "SetUserLicenses__0";
        private const string ByUpnSet = "SetUserLicensesByUpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByUpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AccountSkuIdCompleter))]
        public string[] AddLicenses { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AccountSkuIdCompleter))]
        public string[] RemoveLicenses { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public LicenseOption[] LicenseOptions { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByUpnSet ? UserPrincipalName : (object)ObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), Convert.ToString(Target()), "Set-MsolUserLicense");
        }
    }
}
